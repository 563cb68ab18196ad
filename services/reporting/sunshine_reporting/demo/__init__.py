"""The demo district's reports: last year's annual reports and last month's bulletin."""
