print("alidash")
