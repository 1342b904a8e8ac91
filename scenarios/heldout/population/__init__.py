"""The ordinary platform: people, their devices and networks, and what they ask."""
