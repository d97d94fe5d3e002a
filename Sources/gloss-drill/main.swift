// Storage fault drills: filled in with the annotation store.
print("gloss-drill")
