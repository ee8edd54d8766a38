package dev.refinery.estimation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.search.BooleanClause;
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
    private static final Pattern MARKUP = Pattern.compile("https?://[^\\s)]+|<[^>]{0,200}>|\\{(code|noformat|quote|panel|color)[^}]{0,100}}|\\[~[^]]{0,60}]|&[a-z]{2,8};|\\bh[1-6]\\.\\s");

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, Map<String, EstimatedItem>> teams = new ConcurrentHashMap<>();
    /** Each team's history in order, made again after a change: a query should not sort 50,000 items. */
    private final Map<Long, List<BigDecimal>> histories = new ConcurrentHashMap<>();

    public SimilarItems() {
        try {
            var config = new IndexWriterConfig(analyzer);
            config.setRAMBufferSizeMB(64);
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
        try {
            for (var item : items) {
                var document = new Document();
                document.add(new StringField("id", id(item.team(), item.key()), Field.Store.NO));
                document.add(new StringField("team", Long.toString(item.team()), Field.Store.NO));
                document.add(new StoredField("key", item.key()));
                document.add(new TextField("text", plain(item.title()) + "\n" + plain(item.text()), Field.Store.NO));
                writer.updateDocument(new Term("id", id(item.team(), item.key())), document);
                teams.computeIfAbsent(item.team(), team -> new ConcurrentHashMap<>()).put(item.key(), item);
                histories.remove(item.team());
            }
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets an item (its estimate was taken away, or it is gone). */
    public void drop(long team, String key) {
        try {
            writer.deleteDocuments(new Term("id", id(team, key)));
            var items = teams.get(team);
            if (items != null) {
                items.remove(key);
            }
            histories.remove(team);
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean holds(long team, String key) {
        var items = teams.get(team);
        return items != null && items.containsKey(key);
    }

    public int size() {
        return teams.values().stream().mapToInt(Map::size).sum();
    }

    /** The team's estimates, oldest first. */
    public List<BigDecimal> history(long team) {
        var items = teams.get(team);
        if (items == null) {
            return List.of();
        }
        return histories.computeIfAbsent(team, changed -> items.values().stream()
            .sorted(Comparator.comparingLong(EstimatedItem::order)).map(EstimatedItem::value).toList());
    }

    /** The {@code limit} items of the team most like this title and text, best first, never the item {@code except}. */
    public List<Similar> like(long team, String title, String text, String except, int limit) {
        var terms = terms(plain(title) + "\n" + plain(text));
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        var words = new BooleanQuery.Builder();
        terms.forEach(term -> words.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD));
        var query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term("team", Long.toString(team))), BooleanClause.Occur.FILTER);
        if (except != null) {
            query.add(new TermQuery(new Term("id", id(team, except))), BooleanClause.Occur.MUST_NOT);
        }
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            var hits = searcher.search(query.build(), limit);
            var items = teams.getOrDefault(team, Map.of());
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
