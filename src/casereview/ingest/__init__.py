"""casereview.ingest."""
