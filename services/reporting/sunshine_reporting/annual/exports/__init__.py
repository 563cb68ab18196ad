"""The annual report's files: Word, PDF, Excel and HTML, all drawn from one set of grids."""
