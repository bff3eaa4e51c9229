"""Reading articles: files, directories, JSONL, HTML, URLs and feeds -> Documents."""

from rasid.ingest.decode import decode_bytes
from rasid.ingest.sources import content_id, count_inputs, input_warnings, iter_documents, make_document

__all__ = ["content_id", "count_inputs", "decode_bytes", "input_warnings", "iter_documents", "make_document"]
