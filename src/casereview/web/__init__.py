"""casereview.web."""
