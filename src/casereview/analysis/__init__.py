"""casereview.analysis."""
