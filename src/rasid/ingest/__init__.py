"""Reading articles: files, directories, JSONL, HTML, URLs and feeds -> Documents."""

from rasid.ingest.sources import iter_documents, make_document

__all__ = ["iter_documents", "make_document"]
