"""科技节 desktop core: the festival's data and rules, with no user-interface code."""

__version__ = "0.1.0"
