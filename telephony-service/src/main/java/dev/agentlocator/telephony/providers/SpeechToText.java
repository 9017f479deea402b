package dev.agentlocator.telephony.providers;

/** Turns a caller's recording into Hebrew text. */
public interface SpeechToText {

    /** @return the transcript, possibly empty when nothing was understood */
    String transcribe(byte[] audio, String fileName, Deadline deadline);
}
