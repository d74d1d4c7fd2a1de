package nl.meerwaarde.web.internal.rest;

import java.util.Optional;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.FieldCodes;

/**
 * Clustering a signal onto a collective activity ({@code PUT /v1/signals/{id}/activity} and "Signaal koppelen" on
 * an activity's screen): both must be of the worker's teams. A signal of another team answers 404; an activity the
 * worker cannot see is invalid input on {@code activityId}, like one that does not exist.
 */
public final class SignalClustering {
    private final SignalStore signals;
    private final ActivityStore activities;

    public SignalClustering(SignalStore signals, ActivityStore activities) {
        this.signals = signals;
        this.activities = activities;
    }

    /** Clusters the signal onto the activity and answers it as saved. */
    public Signal cluster(String signalId, String activityId, Subject.WorkerSubject worker) {
        SignalStore signalStore = Problems.require(signals);
        ActivityStore activityStore = Problems.require(activities);
        Signal signal = own(signalStore, signalId, worker);
        Check check = new Check();
        String id = check.required("activityId", activityId, 36);
        check.done();
        Optional<CollectiveActivity> activity = Problems.parseUuid(id)
                .map(ActivityId::new)
                .flatMap(activityStore::find)
                .filter(a -> worker.memberOf(a.team()));
        if (activity.isEmpty()) {
            check.add("activityId", Codes.ACTIVITY_UNKNOWN);
            check.done();
        }
        Signal clustered = new Signal(
                signal.id(),
                signal.team(),
                signal.registeredOn(),
                signal.type(),
                signal.targetGroups(),
                signal.referrer(),
                signal.question(),
                signal.answered(),
                signal.resident(),
                Optional.of(activity.get().id()));
        signalStore.save(clustered);
        return clustered;
    }

    /** The signal with this id if it belongs to one of the worker's teams; 404 otherwise (also for a bad id). */
    static Signal own(SignalStore signals, String id, Subject.WorkerSubject worker) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(FieldError.of("signal", FieldCodes.REQUIRED));
        }
        return Problems.parseUuid(id)
                .map(SignalId::new)
                .flatMap(signals::find)
                .filter(signal -> worker.memberOf(signal.team()))
                .orElseThrow(Problems::notFound);
    }
}
