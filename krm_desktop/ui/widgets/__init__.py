"""Building blocks that several features' windows share: form fields with their error lines, the PDF preview."""
