"""Keeping computers in step through a folder that a sync engine carries (Syncthing, any synced folder, a
USB stick): each computer appends its own change journal to the folder and merges the others' journals
into its own local database with the export's merge rules (``store.exchange``). The database itself
never enters the folder. The format is documented in docs/sync.md.
"""

#: what this computer remembers between rounds (``sync.state``), kept beside its database; named here so
#: that the window can make its sync service without loading the rounds' modules
STATE_FILE = "sync-state.json"
