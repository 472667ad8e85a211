"""Certificates (奖状 / 荣誉证书): templates, the certificates of finalised lists, their numbers and
register, fonts with a fallback for rare characters, drawing, and the printing of a batch."""
