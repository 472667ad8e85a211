"""The demo festival a first start opens: a school of 24 classes part-way through its festival."""
