#!/usr/bin/env bash
# Streaming receptionist (issue 24): our latency on top of the LLM's, over Twilio ConversationRelay.
# A local OpenAI stub streams server-sent events with a configurable time to first token and token
# rate; a test client plays Twilio's side of the WebSocket for many concurrent calls. Runs
# RelayBenchmark and, in the same run, TelephonyBenchmark (the record flow), then rewrites the
# "relay" and "telephony" sections of docs/benchmarks.md, so the two stand side by side.
# Knobs via MAVEN_ARGS: -Dbench.calls=50 -Dbench.turns=4 -Dbench.ttftMs=350 -Dbench.tokensPerSecond=40
#   -Dbench.sttMs=350 -Dbench.ttsMs=120 -Dbench.networkMs=50 (the modelled Twilio side).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/common.sh
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
./mvnw -B -q -Dspotless.skip -Denforcer.skip -pl telephony-service -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=RelayBenchmark,TelephonyBenchmark ${MAVEN_ARGS:-}
relay=telephony-service/target/relay-bench.md
record=telephony-service/target/telephony-bench.md
[ -s "$relay" ] || { echo "relay benchmark wrote no figures" >&2; exit 1; }
[ -s "$record" ] || { echo "telephony benchmark wrote no figures" >&2; exit 1; }
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

write_section relay "Streaming receptionist: our latency over ConversationRelay" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine); one telephony-service JVM (test kit's PostgreSQL and in-process Kafka), the SSE stub and the Twilio-side client in the same JVM, on a 2-core machine shared with other work running meanwhile (load average before / after: ${load_before} / ${load_after}), so the tails are noisy. Command: \`bench/relay/run.sh\` (it also measures the record flow below, in the same run).
Twilio's side is played over the real WebSocket (\`setup\`, a final \`prompt\`, our \`text\` tokens until \`last\`; the last turn of each call is cut by an \`interrupt\` after its first token). Our overhead is measured per turn as (final \`prompt\` sent → first \`text\` token received) minus (the stub's request in → its first content chunk out), both on this JVM's clock: WebSocket in and out, the history, the HTTP request to the model and the SSE parsing. Target: p99 ≤ 30 ms.
Mouth-to-ear is modelled, not measured: Twilio's speech recognition and synthesis are outside this machine. The model adds end of speech → final transcript (endpointing + STT) 350 ms, TTS first audio 120 ms and network/playout 50 ms to our measured prompt → first token. These are the "tuned" stage figures of a published latency budget (Tom Harper, "Real-Time Voice Agent — Latency Budget & Media Path": endpointing 300 + STT final 50, TTS TTFB 120, network in 20 + out 30); Twilio's own guide (Twilio blog, "A Guide to Core Latency in AI Voice Agents (Cascaded Edition)", 2025-11-17) gives milestone targets for the same stages, whose figures we could not retrieve here, so treat this line as an estimate to re-check against them. Target p50 ≤ 800 ms.

$(cat "$relay")

**Reading it.** On a shared 2-core machine every thread hop on our path (the socket's thread → the
HTTP client → the stub → the SSE subscriber → the socket) waits for a core when the load average is
well above 2, and the tails grow with it; compare the one-call table with the concurrent one, and
the load averages above. The modelled mouth-to-ear adds the stub's first token and the assumed
endpointing + STT (350 + 350 ms) before anything of ours, which leaves about 100 ms under the
800 ms target for TTS, network and us. Interrupt → cancel is measured inside the service; the stub
only notices the closed connection on its next write (one token interval, 25 ms at 40 tokens/s,
plus the load).
MD

write_section telephony "Telephony: the receptionist's pipeline overhead" <<MD
Measured $(date -u +%Y-%m-%d) on $(machine), in the same run as the streaming figures above (load average before / after: ${load_before} / ${load_after}). Command: \`bench/relay/run.sh\` (or \`bench/telephony/run.sh\` alone).
Each call is first answered by \`incoming_call\` (untimed, as on a real line); then the timed,
Twilio-signed \`POST /webhook/handle_recording\`: signature check, turn claimed, recording
downloaded, transcribed, answered, spoken, the reply audio stored in PostgreSQL, the turn logged
and the TwiML returned. Provider time is what the service spent
waiting on the stubs' HTTP answers (fixed delays plus local HTTP), measured inside the service per
turn; the round trip is the test client's. Overhead is everything else: our HTTP handling,
database work, JSON, TwiML. The caller hears the answer only after the whole round trip plus
Twilio's download and playback of the audio; in the streaming mode above, after the first token.

$(cat "$record")
MD
cat "$relay"
