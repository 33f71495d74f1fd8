// CITEBOT_CHUNK_ROWS is how many rows' lengths one fts_lengths row holds;
// ChunkRows in lengths.go must agree.
#define CITEBOT_CHUNK_ROWS 1024

int citebotRegisterRank(void);
