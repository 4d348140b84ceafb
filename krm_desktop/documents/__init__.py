"""ReportLab documents: letters, forms, reports. Imports model, never Qt or ui."""
