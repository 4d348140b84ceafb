"""The case list: filters, search, sorting and pages in SQL, and the dashboard's counts."""
