"""Import and export of case datasets: CSV, Excel (.xlsx) and SPSS (.sav)."""
