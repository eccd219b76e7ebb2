"""`totals`: the one figures model every output shows, exact to the fen."""
