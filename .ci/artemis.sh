# A stand-alone Apache Artemis broker (the official distribution, fetched from Maven Central through the wrapper)
# on 127.0.0.1:$ARTEMIS_PORT, with a user, for the tests of the bus against an external broker.
ARTEMIS_VERSION="${ARTEMIS_VERSION:-2.40.0}"
ARTEMIS_PORT="${ARTEMIS_PORT:-61626}"
ARTEMIS_DIR=""

start_artemis() {
  ./mvnw -B -q dependency:copy -Dartifact="org.apache.activemq:apache-artemis:${ARTEMIS_VERSION}:tar.gz:bin" \
    -DoutputDirectory=target/ci -Dmdep.overWriteIfNewer=true -N
  ARTEMIS_DIR="$(mktemp -d /tmp/tongban-artemis.XXXXXX)"
  tar -xzf "target/ci/apache-artemis-${ARTEMIS_VERSION}-bin.tar.gz" -C "$ARTEMIS_DIR"
  "$ARTEMIS_DIR/apache-artemis-${ARTEMIS_VERSION}/bin/artemis" create "$ARTEMIS_DIR/broker" --silent \
    --user tongban --password tongban --require-login --no-web --no-amqp-acceptor --no-hornetq-acceptor \
    --no-mqtt-acceptor --no-stomp-acceptor --host 127.0.0.1 --default-port "$ARTEMIS_PORT" >/dev/null
  # the departments' submission queues redeliver with backoff and dead-letter, as the README asks of a broker
  # (attempts and delays as short as the tests' own settings for the embedded broker)
  sed -i 's|</address-settings>|<address-setting match="tongban.submissions.#"><dead-letter-address>tongban.dead-letter.submissions</dead-letter-address><redelivery-delay>200</redelivery-delay><redelivery-delay-multiplier>2</redelivery-delay-multiplier><max-redelivery-delay>500</max-redelivery-delay><max-delivery-attempts>3</max-delivery-attempts></address-setting></address-settings>|' \
    "$ARTEMIS_DIR/broker/etc/broker.xml"
  "$ARTEMIS_DIR/broker/bin/artemis-service" start >/dev/null
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$ARTEMIS_PORT") 2>/dev/null; then
      echo "Artemis ${ARTEMIS_VERSION} on 127.0.0.1:$ARTEMIS_PORT"
      return 0
    fi
    sleep 1
  done
  echo "Artemis did not start" >&2
  cat "$ARTEMIS_DIR/broker/log/"*.log >&2 || true
  return 1
}

stop_artemis() {
  if [ -n "$ARTEMIS_DIR" ] && [ -d "$ARTEMIS_DIR/broker" ]; then
    "$ARTEMIS_DIR/broker/bin/artemis-service" stop >/dev/null 2>&1 || true
    rm -rf "$ARTEMIS_DIR"
  fi
}
