"""casereview.store."""
