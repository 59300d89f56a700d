"""casereview.io."""
