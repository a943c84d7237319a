package io.stancewire.stance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.stancewire.analysis.model.ArticleAnalysis;

/**
 * Turns the analyses (keyed by article id) into per-leader contributions keyed {@code article|leader}. It keeps the
 * latest analysis of each article, so that a new version also sends a tombstone for each leader the article no
 * longer names, and a tombstone withdraws all of them. A duplicate sends nothing; so does a new version that differs
 * only in its publication time (the price of "publishedAt defaults to the record timestamp").
 */
class ContributionSplitter implements Processor<String, ArticleAnalysis, String, LeaderContribution> {

    private final String storeName;
    private ProcessorContext<String, LeaderContribution> context;
    private KeyValueStore<String, ArticleAnalysis> articles;

    ContributionSplitter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, LeaderContribution> context) {
        this.context = context;
        this.articles = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ArticleAnalysis> record) {
        String articleId = record.key();
        if (articleId == null) {
            return;
        }
        ArticleAnalysis previous = articles.get(articleId);
        ArticleAnalysis current = record.value();
        if (current == null ? previous == null : current.sameContentAs(previous)) {
            return; // a duplicate (only the defaulted publication time may differ) changes nothing
        }
        if (current == null) {
            articles.delete(articleId);
        } else {
            articles.put(articleId, current);
        }
        List<LeaderContribution> now = LeaderContribution.of(current);
        Set<String> kept = new HashSet<>();
        for (LeaderContribution contribution : now) {
            kept.add(contribution.key());
        }
        for (LeaderContribution old : LeaderContribution.of(previous)) {
            if (!kept.contains(old.key())) {
                context.forward(record.withKey(old.key()).withValue(null));
            }
        }
        for (LeaderContribution contribution : now) {
            context.forward(record.withKey(contribution.key()).withValue(contribution));
        }
    }
}
