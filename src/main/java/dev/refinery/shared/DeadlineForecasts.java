package dev.refinery.shared;

import java.util.Map;

/**
 * Which open items of a team are likely to miss their deadline, by the forecast of the team's queue. The module
 * that forecasts answers, so that the queue and the item pages can show the risk without knowing forecasts.
 */
public interface DeadlineForecasts {

    /**
     * The team's items whose deadline is at risk, by item number, each with its badge ("62 % by 1 Mar"); empty when
     * the team has too little history to forecast. The caller has already checked that the viewer may see the team.
     */
    Map<Integer, String> atRisk(String team, long viewer);
}
