"""Judges scoring from their own phones: private links and PINs, the judge's sheet as a phone shows
it, submissions stored once and never over the desk's scores, the small web server, its cards."""
