package io.tongban.routes.audit;

/** One row of the log as stored: its index, the entry text exactly as hashed, and its stored hashes. */
record StoredEntry(long index, byte[] text, byte[] hashes) {
}
