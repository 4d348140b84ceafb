"""Reports: periods, the figures of a period, the office's texts and recipients."""
