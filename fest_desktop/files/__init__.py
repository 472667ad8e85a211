"""What the files a teacher exchanges share: PDFs in the bundled Chinese font, and Excel workbooks."""
