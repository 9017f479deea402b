package dev.agentlocator.telephony.providers;

/** Hebrew speech for what the receptionist says. */
public interface TextToSpeech {

    Speech synthesize(String text, Deadline deadline);

    record Speech(byte[] audio, String contentType) {}
}
