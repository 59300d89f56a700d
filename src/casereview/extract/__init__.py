"""casereview.extract."""
