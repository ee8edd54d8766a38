package dev.refinery.live;

/** One node (H2, or a single instance): there is nobody else to tell. */
final class InProcessEventBus implements EventBus {

    @Override
    public void changed(String room) {
        // this node has delivered the update itself
    }

    @Override
    public boolean spansNodes() {
        return false;
    }
}
