/**
 * Close matches of a word among known names, for "did you mean" hints on typos (a setting, a
 * region, a VM size, a role name). Pure; shared by the library's checks and the stack's config
 * messages so every hint ranks candidates the same way.
 */

/** Levenshtein distance between two strings, ignoring letter case. */
export function editDistance(a: string, b: string): number {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    const row = Array.from({ length: y.length + 1 }, (_, i) => i);
    for (let i = 1; i <= x.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= y.length; j++) {
            const cur = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] === y[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return row[y.length];
}

/** The largest edit distance still counted as a typo of `word`: a third of its length, at least 2. */
export function typoDistance(word: string): number {
    return Math.max(2, Math.floor(word.length / 3));
}

/**
 * Candidates within {@link typoDistance} of `word`, nearest first (ties keep the candidates'
 * order), at most `limit` of them (default: all).
 */
export function closeMatches(word: string, candidates: readonly string[], limit = Infinity): string[] {
    const max = typoDistance(word);
    return candidates
        .map((c, i) => ({ c, i, d: editDistance(word, c) }))
        .filter((m) => m.d <= max)
        .sort((p, q) => p.d - q.d || p.i - q.i)
        .slice(0, limit)
        .map((m) => m.c);
}

/** The nearest candidate within {@link typoDistance}, or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
    return closeMatches(word, candidates, 1)[0];
}

/**
 * Suggestions for a long name written partly or with typos: the {@link closeMatches} first, then
 * candidates that contain `word` (or that `word` contains), ignoring case, at most `limit`
 * (default 5). Containment catches "Data Scientist" for "AzureML Data Scientist", which is too
 * many edits away to count as a typo.
 */
export function suggestions(word: string, candidates: readonly string[], limit = 5): string[] {
    const w = word.trim().toLowerCase();
    const out = closeMatches(word, candidates);
    if (w.length >= 3) {
        for (const c of candidates) {
            const lc = c.toLowerCase();
            if (!out.includes(c) && (lc.includes(w) || w.includes(lc))) out.push(c);
        }
    }
    return out.slice(0, limit);
}
