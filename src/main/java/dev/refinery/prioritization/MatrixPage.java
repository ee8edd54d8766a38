package dev.refinery.prioritization;

public record MatrixPage(String team, String teamName, Matrix matrix) {
}
