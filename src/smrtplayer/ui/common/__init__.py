"""Small widgets and display helpers shared by the other UI packages."""
