package io.stancewire.stance;

/** Whether a query may answer that another instance holds the data, or reads this instance's stores only. */
public enum QueryScope {
    /** Every instance of the service: a key held elsewhere is {@link Lookup.HeldElsewhere}. */
    ALL_INSTANCES,
    /** This instance only (a forwarded request, {@code ?local=true}): a key held elsewhere is not found here. */
    THIS_INSTANCE;

    /** The scope of a request that says {@code local=true} or not. */
    public static QueryScope of(boolean localOnly) {
        return localOnly ? THIS_INSTANCE : ALL_INSTANCES;
    }
}
