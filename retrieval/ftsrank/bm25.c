// citebot_bm25: FTS5's bm25() with row lengths read from memory.
//
// bm25() looks up every matching row's length in the table's docsize
// B-tree, one statement step per row; on a news corpus that lookup is
// most of the cost of ranking an OR query. This function computes the
// same score, but takes lengths from a per-connection copy of the
// fts_lengths table (see lengths.go), reloaded whenever the database
// changes. Rows it has no length for fall back to the docsize lookup, so
// scores stay exact whatever the state of that table.

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The SQLite linked in is the one go-sqlite3 compiles, so its header is
// preferred when the build can see it (the Makefile puts that module's
// folder in CGO_CFLAGS); the system's serves otherwise: the parts used
// here have not changed since SQLite 3.26.
#if defined(__has_include)
#if __has_include("sqlite3-binding.h")
#include "sqlite3-binding.h"
#else
#include <sqlite3.h>
#endif
#else
#include <sqlite3.h>
#endif

#include "bm25.h"

// lengthCache is one table's row lengths as loaded by one connection.
typedef struct lengthCache {
	char *table;
	uint16_t *len; // indexed by rowid; 0 where unknown
	sqlite3_int64 n;
	unsigned int version; // the database's data version when loaded
	int loaded;
} lengthCache;

// connRank is the state citebot_bm25 keeps per connection.
typedef struct connRank {
	lengthCache cache[8];
	int nCache;
} connRank;

static void freeConnRank(void *p) {
	connRank *c = p;
	for (int i = 0; i < c->nCache; i++) {
		sqlite3_free(c->cache[i].table);
		free(c->cache[i].len);
	}
	sqlite3_free(c);
}

// loadLengths fills lc from the fts_lengths rows of its table. An index
// without that table, or without rows for the table, leaves it empty.
static int loadLengths(sqlite3 *db, lengthCache *lc) {
	free(lc->len);
	lc->len = 0;
	lc->n = 0;
	sqlite3_stmt *st = 0;
	if (sqlite3_prepare_v2(db, "SELECT chunk, lens FROM fts_lengths WHERE tbl = ?1 AND typeof(chunk) = 'integer' ORDER BY chunk DESC", -1, &st, 0) != SQLITE_OK) {
		return SQLITE_OK; // no such table: every length is looked up
	}
	sqlite3_bind_text(st, 1, lc->table, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 chunk = sqlite3_column_int64(st, 0);
		const unsigned char *b = sqlite3_column_blob(st, 1);
		int nb = sqlite3_column_bytes(st, 1);
		if (chunk < 0 || chunk > (((sqlite3_int64)1) << 40) / CITEBOT_CHUNK_ROWS || nb > 2 * CITEBOT_CHUNK_ROWS) continue;
		if (!lc->len) {
			if ((sqlite3_uint64)(chunk + 1) * CITEBOT_CHUNK_ROWS > SIZE_MAX / sizeof(uint16_t)) continue;
			// The first row is the last chunk, which sizes the array.
			lc->n = (chunk + 1) * CITEBOT_CHUNK_ROWS;
			// calloc: pages of chunks never written are never touched.
			lc->len = calloc((size_t)lc->n, sizeof(uint16_t));
			if (!lc->len) {
				// Too large to hold (or a damaged table): FTS5 looks the
				// lengths up instead.
				lc->n = 0;
				break;
			}
		}
		// Rows come in descending order, so every chunk fits the array
		// sized by the first; the check guards against a damaged table.
		if ((chunk + 1) * CITEBOT_CHUNK_ROWS > lc->n) continue;
		uint16_t *dst = lc->len + chunk * CITEBOT_CHUNK_ROWS;
		for (int i = 0; i + 1 < nb; i += 2) dst[i / 2] = (uint16_t)(b[i] | (b[i + 1] << 8));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

// lengthsFor returns the lengths of table, loading them when this
// connection has not yet or the database changed since.
static int lengthsFor(sqlite3 *db, connRank *c, const char *table, lengthCache **out) {
	// The data version moves on commits only: inside this connection's
	// own write transaction the table may hold uncommitted lengths, or
	// rows whose lengths are not yet written, so FTS5 looks them up.
	if (sqlite3_txn_state(db, "main") == SQLITE_TXN_WRITE) {
		*out = 0;
		return SQLITE_OK;
	}
	unsigned int version = 0;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &version);
	lengthCache *lc = 0;
	for (int i = 0; i < c->nCache; i++) {
		if (strcmp(c->cache[i].table, table) == 0) lc = &c->cache[i];
	}
	if (!lc) {
		if (c->nCache == (int)(sizeof(c->cache) / sizeof(c->cache[0]))) {
			*out = 0;
			return SQLITE_OK;
		}
		lc = &c->cache[c->nCache];
		memset(lc, 0, sizeof(*lc));
		lc->table = sqlite3_mprintf("%s", table);
		if (!lc->table) return SQLITE_NOMEM;
		c->nCache++;
	}
	if (!lc->loaded || lc->version != version) {
		int rc = loadLengths(db, lc);
		if (rc != SQLITE_OK) return rc;
		lc->loaded = 1;
		lc->version = version;
	}
	*out = lc;
	return SQLITE_OK;
}

// rankQuery is what is computed once per query.
typedef struct rankQuery {
	int nCol;
	int nPhrase;
	double avgLen;
	lengthCache *lengths; // may be 0
	int checked;          // a held length was compared with FTS5's own
	double *weight;       // nCol column weights
	double *idf;          // nPhrase inverse document frequencies
	double *freq;         // nPhrase term frequencies of the current row
} rankQuery;

static int countHit(const Fts5ExtensionApi *api, Fts5Context *fts, void *p) {
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)p)++;
	return SQLITE_OK;
}

static rankQuery *newRankQuery(const Fts5ExtensionApi *api, Fts5Context *fts,
		sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
	int nCol = api->xColumnCount(fts);
	int nPhrase = api->xPhraseCount(fts);
	const char *table = nVal > 0 ? (const char *)sqlite3_value_text(apVal[0]) : 0;
	if (!table || nVal > 1 + nCol) {
		sqlite3_result_error(ctx, "citebot_bm25: want the table's name, then at most one weight per column", -1);
		return 0;
	}
	rankQuery *q = sqlite3_malloc64(sizeof(rankQuery) + sizeof(double) * (size_t)(nCol + 2 * nPhrase));
	if (!q) {
		sqlite3_result_error_nomem(ctx);
		return 0;
	}
	memset(q, 0, sizeof(*q));
	q->nCol = nCol;
	q->nPhrase = nPhrase;
	q->weight = (double *)&q[1];
	q->idf = q->weight + nCol;
	q->freq = q->idf + nPhrase;
	for (int i = 0; i < nCol; i++) q->weight[i] = 1 + i < nVal ? sqlite3_value_double(apVal[1 + i]) : 1.0;

	sqlite3_int64 rows = 0, tokens = 0;
	int rc = api->xRowCount(fts, &rows);
	if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
	// As bm25(): N and the mean length from the table's statistics, and
	// each phrase's row count by running it.
	q->avgLen = (double)tokens / (double)(rows > 0 ? rows : 1);
	for (int i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
		sqlite3_int64 hits = 0;
		rc = api->xQueryPhrase(fts, i, &hits, countHit);
		double idf = log((rows - hits + 0.5) / (hits + 0.5));
		q->idf[i] = idf > 0 ? idf : 1e-6;
	}
	if (rc == SQLITE_OK) {
		connRank *c = api->xUserData(fts);
		rc = lengthsFor(sqlite3_context_db_handle(ctx), c, table, &q->lengths);
	}
	if (rc == SQLITE_OK) {
		rc = api->xSetAuxdata(fts, q, sqlite3_free);
		if (rc != SQLITE_OK) q = 0; // freed by xSetAuxdata
	} else {
		sqlite3_free(q);
		q = 0;
	}
	if (!q) sqlite3_result_error_code(ctx, rc);
	return q;
}

static void citebotBM25(const Fts5ExtensionApi *api, Fts5Context *fts,
		sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
	rankQuery *q = api->xGetAuxdata(fts, 0);
	if (!q) {
		q = newRankQuery(api, fts, ctx, nVal, apVal);
		if (!q) return;
	}
	for (int i = 0; i < q->nPhrase; i++) {
		double f = 0;
		Fts5PhraseIter it;
		int col, off;
		int rc = api->xPhraseFirst(fts, i, &it, &col, &off);
		if (rc != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) {
			if (col < q->nCol) f += q->weight[col];
		}
		q->freq[i] = f;
	}
	int n = 0;
	sqlite3_int64 row = api->xRowid(fts);
	lengthCache *lc = q->lengths;
	if (lc && row >= 0 && row < lc->n && lc->len[row] != 0) {
		n = lc->len[row];
		if (!q->checked) {
			// The table's name is the caller's word: the first held
			// length is checked against FTS5's, and on a mismatch the
			// whole query looks lengths up.
			q->checked = 1;
			int own = 0;
			int rc = api->xColumnSize(fts, -1, &own);
			if (rc != SQLITE_OK) {
				sqlite3_result_error_code(ctx, rc);
				return;
			}
			if (own != n) {
				q->lengths = 0;
				n = own;
			}
		}
	} else {
		int rc = api->xColumnSize(fts, -1, &n);
		if (rc != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
	}
	const double k1 = 1.2, b = 0.75;
	double d = k1 * (1 - b + b * (double)n / q->avgLen);
	double score = 0;
	for (int i = 0; i < q->nPhrase; i++) {
		double f = q->freq[i];
		score += q->idf[i] * ((f * (k1 + 1)) / (f + d));
	}
	sqlite3_result_double(ctx, score);
}

static int registerRank(sqlite3 *db, char **errMsg, const void *api) {
	(void)errMsg;
	(void)api;
	fts5_api *fts = 0;
	sqlite3_stmt *st = 0;
	// Preparing a statement reads the schema, which can meet a lock held
	// by another connection (a WAL reader rebuilding the log's index, say);
	// this runs before the caller could set a busy timeout, so it sets one,
	// which the caller's own setting replaces afterwards.
	sqlite3_busy_timeout(db, 10000);
	int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, 0);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_NOMEM) return rc;
	// Without FTS5 there is nothing to extend, and a file that is not a
	// database is for the caller to report; the connection stays usable.
	if (rc != SQLITE_OK) return SQLITE_OK;
	sqlite3_bind_pointer(st, 1, (void *)&fts, "fts5_api_ptr", 0);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!fts || fts->iVersion < 2) return SQLITE_OK;
	connRank *c = sqlite3_malloc(sizeof(connRank));
	if (!c) return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	rc = fts->xCreateFunction(fts, "citebot_bm25", c, citebotBM25, freeConnRank);
	if (rc != SQLITE_OK) sqlite3_free(c);
	return rc;
}

int citebotRegisterRank(void) {
	return sqlite3_auto_extension((void (*)(void))registerRank);
}
