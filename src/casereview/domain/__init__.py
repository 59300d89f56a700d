"""casereview.domain."""
