"""The command line: thin commands that parse arguments, call the libraries and
print; the work is in the stage packages.
"""
