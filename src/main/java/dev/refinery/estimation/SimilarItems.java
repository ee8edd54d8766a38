package dev.refinery.estimation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The estimated items of every team in an in-memory Lucene index, one per node: English analysis with stemming over
 * the words of an item, its Markdown, HTML and Jira markup stripped. Finds the items most like a text, and keeps each
 * team's estimates in the order they were made for the median and the recent history. Safe for many threads.
 */
public final class SimilarItems implements AutoCloseable {

    /** Words beyond these of a long description add little and slow the query down. */
    static final int QUERY_TERMS = 64;

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    /** Every kind of markup starts with one of h < { [ &: the look-ahead lets the other characters fail at once. */
    private static final Pattern MARKUP = Pattern.compile("(?=[h<{\\[&])(?:https?://[^\\s)]+|<[^>]{0,200}>|\\{(code|noformat|quote|panel|color)[^}]{0,100}}|\\[~[^]]{0,60}]|&[a-z]{2,8};|\\bh[1-6]\\.\\s)");

    /** Items of a batch whose words are made plain on two threads: this machine's cores, shared with the requests. */
    private static final int PARALLEL_FROM = 500;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, Team> teams = new ConcurrentHashMap<>();
    /** Changes take turns; searches do not wait for them. */
    private final Object changing = new Object();

    /**
     * A team's items by key, and what its suggestions need of them: the estimates in the order they were made, and
     * how many of each value, kept up to date by each change so that a query reads a few counts.
     */
    private static final class Team {
        final Map<String, EstimatedItem> items = new ConcurrentHashMap<>();
        /** Guarded by {@code changing}. */
        final NavigableSet<EstimatedItem> ordered = new TreeSet<>(Comparator.comparingLong(EstimatedItem::order).thenComparing(EstimatedItem::key));
        /** Guarded by {@code changing}. */
        final TreeMap<BigDecimal, Integer> counts = new TreeMap<>();
        volatile EstimateHistory tally = EstimateHistory.EMPTY;
        volatile List<BigDecimal> history;

        void add(EstimatedItem item) {
            var before = items.put(item.key(), item);
            if (before != null) {
                forget(before);
            }
            ordered.add(item);
            counts.merge(item.value(), 1, Integer::sum);
        }

        void remove(String key) {
            var before = items.remove(key);
            if (before != null) {
                forget(before);
            }
        }

        private void forget(EstimatedItem item) {
            ordered.remove(item);
            counts.computeIfPresent(item.value(), (value, count) -> count == 1 ? null : count - 1);
        }

        /** Counts again what a query reads, once the changes of a batch are made. */
        void counted() {
            var latest = new ArrayList<BigDecimal>(EstimateHistory.LATEST);
            var newest = ordered.descendingIterator();
            while (latest.size() < EstimateHistory.LATEST && newest.hasNext()) {
                latest.add(newest.next().value());
            }
            tally = new EstimateHistory(items.size(), counts, latest.reversed());
            history = null;
        }
    }

    public SimilarItems() {
        try {
            var config = new IndexWriterConfig(analyzer);
            // a rebuild of 50,000 items fits in one segment, written once
            config.setRAMBufferSizeMB(256);
            writer = new IndexWriter(new ByteBuffersDirectory(), config);
            searchers = new SearcherManager(writer, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain words of an item's text: Markdown rendered as text, HTML tags and Jira markup taken out. */
    public static String plain(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return MARKUP.matcher(TEXT.render(MARKDOWN.parse(text))).replaceAll(" ");
    }

    /** Adds an item, or replaces what was kept of it; visible to the next search. */
    public void keep(EstimatedItem item) {
        keepAll(List.of(item));
    }

    /** Adds or replaces many items at once (a rebuild, an import), then makes them visible. */
    public void keepAll(List<EstimatedItem> items) {
        var texts = (items.size() >= PARALLEL_FROM ? items.parallelStream() : items.stream())
            .map(item -> plain(item.title()) + "\n" + plain(item.text())).toList();
        try {
            synchronized (changing) {
                var changed = new HashSet<Team>();
                for (var i = 0; i < items.size(); i++) {
                    var item = items.get(i);
                    var document = new Document();
                    document.add(new StringField("id", id(item.team(), item.key()), Field.Store.NO));
                    document.add(new StringField("team", Long.toString(item.team()), Field.Store.NO));
                    document.add(new StoredField("key", item.key()));
                    document.add(new TextField("text", texts.get(i), Field.Store.NO));
                    var team = teams.computeIfAbsent(item.team(), id -> new Team());
                    if (team.items.containsKey(item.key())) {
                        writer.updateDocument(new Term("id", id(item.team(), item.key())), document);
                    }
                    else {
                        // nothing to replace: no delete to look up in every segment
                        writer.addDocument(document);
                    }
                    team.add(item);
                    changed.add(team);
                }
                changed.forEach(Team::counted);
                searchers.maybeRefreshBlocking();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets an item (its estimate was taken away, or it is gone). */
    public void drop(long team, String key) {
        try {
            synchronized (changing) {
                writer.deleteDocuments(new Term("id", id(team, key)));
                var items = teams.get(team);
                if (items != null) {
                    items.remove(key);
                    items.counted();
                }
                searchers.maybeRefreshBlocking();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the index into one segment, after a rebuild: a query then reads each word's postings once. */
    public void compact() {
        try {
            synchronized (changing) {
                writer.forceMerge(1);
                searchers.maybeRefreshBlocking();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean holds(long team, String key) {
        var items = teams.get(team);
        return items != null && items.items.containsKey(key);
    }

    public int size() {
        return teams.values().stream().mapToInt(team -> team.items.size()).sum();
    }

    /** The team's estimates, oldest first. */
    public List<BigDecimal> history(long team) {
        var items = teams.get(team);
        if (items == null) {
            return List.of();
        }
        var history = items.history;
        if (history == null) {
            synchronized (changing) {
                history = items.ordered.stream().map(EstimatedItem::value).toList();
                items.history = history;
            }
        }
        return history;
    }

    /** What a suggestion needs of the team's estimates: their number, how many of each value, the latest ones. */
    public EstimateHistory tally(long team) {
        var items = teams.get(team);
        return items == null ? EstimateHistory.EMPTY : items.tally;
    }

    /** The {@code limit} items of the team most like this title and text, best first, never the item {@code except}. */
    public List<Similar> like(long team, String title, String text, String except, int limit) {
        var terms = terms(plain(title) + "\n" + plain(text));
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        var words = new BooleanQuery.Builder();
        terms.forEach(term -> words.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD));
        var held = teams.get(team);
        if (held == null || held.items.isEmpty()) {
            return List.of();
        }
        var items = held.items;
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            TopDocs hits;
            var member = new Term("team", Long.toString(team));
            var exception = except == null ? null : new Term("id", id(team, except));
            if (items.size() * 2L >= searcher.getIndexReader().numDocs()) {
                hits = searcher.search(words.build(), ofTeam(limit, member, exception));
            }
            else {
                var query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST)
                    .add(new TermQuery(member), BooleanClause.Occur.FILTER);
                if (exception != null) {
                    query.add(new TermQuery(exception), BooleanClause.Occur.MUST_NOT);
                }
                hits = searcher.search(query.build(), limit);
            }
            var found = new ArrayList<Similar>();
            var stored = searcher.storedFields();
            for (var hit : hits.scoreDocs) {
                var item = items.get(stored.document(hit.doc).get("key"));
                if (item != null) {
                    found.add(new Similar(item.key(), item.title(), item.value(), hit.score));
                }
            }
            return found;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * The best hits of a query among the documents of a team, never the document {@code except}: the same hits as the
     * query with the team as a filter clause, but the words are searched alone, their best hits pruned as usual, and
     * the team's documents picked as they are collected. Quicker when the team holds most of the index.
     */
    static CollectorManager<TeamCollector, TopDocs> ofTeam(int limit, Term team, Term except) {
        var top = new TopScoreDocCollectorManager(limit, Math.max(limit, 1_000));
        return new CollectorManager<>() {

            @Override
            public TeamCollector newCollector() throws IOException {
                return new TeamCollector(top.newCollector()) {

                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                        var reader = context.reader();
                        if (reader.docFreq(team) == 0) {
                            throw new CollectionTerminatedException();
                        }
                        // a segment of the team's documents only (one team on the node) needs no look-up per hit
                        FixedBitSet ofTeam = null;
                        if (reader.docFreq(team) < reader.maxDoc()) {
                            ofTeam = new FixedBitSet(reader.maxDoc());
                            ofTeam.or(reader.postings(team, PostingsEnum.NONE));
                        }
                        var excluded = new FixedBitSet(reader.maxDoc());
                        var exceptions = except == null ? null : reader.postings(except, PostingsEnum.NONE);
                        if (exceptions != null) {
                            excluded.or(exceptions);
                        }
                        var members = ofTeam;
                        return new FilterLeafCollector(super.getLeafCollector(context)) {

                            @Override
                            public void collect(int doc) throws IOException {
                                if ((members == null || members.get(doc)) && !excluded.get(doc)) {
                                    in.collect(doc);
                                }
                            }
                        };
                    }
                };
            }

            @Override
            public TopDocs reduce(Collection<TeamCollector> collectors) throws IOException {
                var inner = new ArrayList<TopScoreDocCollector>();
                for (var collector : collectors) {
                    inner.add(collector.top());
                }
                return top.reduce(inner);
            }
        };
    }

    private abstract static class TeamCollector extends FilterCollector {

        TeamCollector(TopScoreDocCollector top) {
            super(top);
        }

        TopScoreDocCollector top() {
            return (TopScoreDocCollector) in;
        }
    }

    /** The analysed words of a text (stemmed, stop words out), each once, the first {@link #QUERY_TERMS} of them. */
    List<String> terms(String text) {
        var terms = new LinkedHashSet<String>();
        try (var stream = analyzer.tokenStream("text", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (terms.size() < QUERY_TERMS && stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }

    private static String id(long team, String key) {
        return team + ":" + key;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
