"""casereview.learning."""
