"""`unionxl gui`: a small window for clerks who use Excel or WPS, with or without macros.

state.py     pure: remembered folder, where outputs go, findings -> list rows, filters
work.py      what a button does, on a worker thread: the public library API + writers
app.py       the Tk widgets (the only module that imports tkinter)
launcher.py  unionxl.cmd in the office folder (double-click opens the window there)
install_messages.py  what install.cmd runs after pip: desktop shortcut, Chinese lines
"""
