package dev.refinery.exchange;

class WebhooksOnH2Tests extends WebhooksTests {
}
