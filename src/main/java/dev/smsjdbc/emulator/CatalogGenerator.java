package dev.smsjdbc.emulator;

import static dev.smsjdbc.emulator.DataGenerator.AS_OF;
import static dev.smsjdbc.emulator.DataGenerator.days;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import software.amazon.awssdk.services.sms.model.Connector;
import software.amazon.awssdk.services.sms.model.ConnectorCapability;
import software.amazon.awssdk.services.sms.model.ConnectorStatus;
import software.amazon.awssdk.services.sms.model.Server;
import software.amazon.awssdk.services.sms.model.ServerType;
import software.amazon.awssdk.services.sms.model.VmManagerType;
import software.amazon.awssdk.services.sms.model.VmServer;
import software.amazon.awssdk.services.sms.model.VmServerAddress;

/**
 * Makes what GetServers and GetConnectors serve: VM managers, their VMs as catalog servers, and the
 * connectors that replicate from them.
 */
final class CatalogGenerator {
  private static final List<String> VM_ROLES = List.of(
      "web", "app", "db", "file", "mail", "erp", "crm", "build", "dc", "cache", "etl", "report");
  private static final List<String> ENVIRONMENTS = List.of("prod", "stg", "dev", "qa");
  private static final List<String> DATACENTERS = List.of("DC1", "Tokyo", "Frankfurt");
  private static final List<String> CONNECTOR_VERSIONS = List.of("1.1.2.0", "1.1.1.0", "1.0.13.0");

  private final SeededRandom random;
  /** Numbers vCenter's VM ids ({@code vm-1000}, {@code vm-1007}, ...); the others use UUIDs. */
  private int vmSerial;

  CatalogGenerator(SeededRandom random) {
    this.random = random;
  }

  /** A VM manager (vCenter, SCVMM or Hyper-V manager) that servers and connectors belong to. */
  record VmManager(VmManagerType type, String id, String name) {
  }

  VmManager manager(VmManagerType type, int number) {
    String host = switch (type) {
      case VSPHERE -> "vcenter";
      case SCVMM -> "scvmm";
      default -> "hyperv-mgr";
    };
    return new VmManager(type, random.uuid(),
        String.format(Locale.ROOT, "%s%02d.corp.example.com", host, number));
  }

  /** {@code n} managers (at least one), cycling through the three types. */
  List<VmManager> managers(int n) {
    List<VmManagerType> types =
        List.of(VmManagerType.VSPHERE, VmManagerType.SCVMM, VmManagerType.HYPERV_MANAGER);
    List<VmManager> managers = new ArrayList<>();
    for (int i = 0; i < Math.max(1, n); i++) {
      managers.add(manager(types.get(i % 3), i / 3 + 1));
    }
    return managers;
  }

  String vmName() {
    return String.format(Locale.ROOT, "%s-%s-%02d", random.pick(VM_ROLES),
        random.pick(ENVIRONMENTS), 1 + random.nextInt(20));
  }

  VmServer vmServer(VmManager manager, String vmName) {
    boolean vsphere = manager.type() == VmManagerType.VSPHERE;
    VmServerAddress address = VmServerAddress.builder()
        .vmManagerId(manager.id())
        .vmId(vsphere ? "vm-" + (1000 + 7 * vmSerial++) : random.uuid())
        .build();
    VmServer.Builder vm = VmServer.builder()
        .vmServerAddress(address)
        .vmName(vmName)
        .vmManagerName(manager.name())
        .vmManagerType(manager.type());
    if (vsphere) { // a folder path in the vCenter inventory tree
      vm.vmPath("/" + random.pick(DATACENTERS) + "/vm/" + random.pick(ENVIRONMENTS) + "/" + vmName);
    }
    return vm.build();
  }

  /** A catalog server that no replication job uses. */
  Server server(VmManager manager, String vmName) {
    return Server.builder()
        .serverId(random.id("s-"))
        .serverType(ServerType.VIRTUAL_MACHINE)
        .vmServer(vmServer(manager, vmName))
        .build();
  }

  Connector connector(VmManager manager, boolean healthy) {
    Connector.Builder c = Connector.builder()
        .connectorId(random.id("c-"))
        .version(random.pick(CONNECTOR_VERSIONS))
        .status(healthy ? ConnectorStatus.HEALTHY : ConnectorStatus.UNHEALTHY);
    boolean vsphere = manager.type() == VmManagerType.VSPHERE;
    List<ConnectorCapability> capabilities = new ArrayList<>();
    capabilities.add(ConnectorCapability.fromValue(manager.type().toString()));
    if (vsphere) {
      capabilities.add(ConnectorCapability.SNAPSHOT_BATCHING);
      if (random.chance(0.5)) {
        capabilities.add(ConnectorCapability.SMS_OPTIMIZED);
      }
    }
    c.capabilityList(capabilities)
        .vmManagerName(manager.name())
        .vmManagerType(manager.type())
        .vmManagerId(manager.id())
        .ipAddress(String.format(Locale.ROOT, "10.%d.%d.%d",
            random.nextInt(256), random.nextInt(256), 1 + random.nextInt(254)))
        // VMware's and Hyper-V's organizationally unique identifiers.
        .macAddress(String.format(Locale.ROOT, "%s:%02x:%02x:%02x",
            vsphere ? "00:50:56" : "00:15:5d",
            random.nextInt(256), random.nextInt(256), random.nextInt(256)));
    if (healthy || random.chance(0.5)) {
      c.associatedOn(AS_OF.minusMillis(days(30) + random.millis(days(400))));
    }
    return c.build();
  }
}
