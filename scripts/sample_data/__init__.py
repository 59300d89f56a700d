"""Building the Cafcass sample datasets (see scripts/build_sample_data.py)."""
