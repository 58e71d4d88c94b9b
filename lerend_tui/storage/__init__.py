"""Where meetings live on disk: the meeting files (`meetings`, atomic and saved in the background), their index in
the cache dir (`index`) and the conflict copies sync tools make of them (`conflicts`), the locks the operating
system holds (`lock`), and the live state the beamer follows (`live`)."""
