"""casereview.reports."""
