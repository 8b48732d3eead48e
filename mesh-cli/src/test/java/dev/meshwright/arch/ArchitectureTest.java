package dev.meshwright.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's module rules, checked on the compiled classes of every module on this test classpath
 * (mesh-cli depends on all of them): no cycles; pure packages touch no files, sockets, environment or
 * wall clock; Kubernetes clients, gRPC transports and HTTP servers only in edge packages; environment
 * variables only in mesh-cli.
 */
class ArchitectureTest {
  /** Edge packages may do I/O; mesh-testing (test fixtures reading the corpus and golden files) is one too. */
  private static final String[] EDGE_PACKAGES = {
      "..kube..", "..server..", "..webhook..", "..apply..", "dev.meshwright.cli..", "dev.meshwright.testing.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.meshwright");
  }

  @Test
  @DisplayName("packages of Meshwright form no dependency cycles")
  void noCycles() {
    slices().matching("dev.meshwright.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  @DisplayName("mesh-api depends on no other Meshwright module")
  void apiIsTheBottom() {
    noClasses().that().resideInAPackage("dev.meshwright.api..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.meshwright.model..", "dev.meshwright.install..", "dev.meshwright.inject..",
            "dev.meshwright.xds..", "dev.meshwright.cli..", "dev.meshwright.fabric8..")
        .check(classes);
  }

  @Test
  @DisplayName("pure packages touch no files, sockets, environment variables or wall clock")
  void purePackagesDoNoIo() {
    noClasses().that().resideOutsideOfPackages(EDGE_PACKAGES)
        .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..", "java.nio.channels..")
        .orShould().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  @DisplayName("Kubernetes clients, gRPC transports and HTTP servers appear only in edge packages")
  void clientsOnlyAtTheEdge() {
    noClasses().that().resideOutsideOfPackages(EDGE_PACKAGES)
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.fabric8.kubernetes.client.impl..", "io.fabric8.kubernetes.client.http..",
            "io.fabric8.kubernetes.client.vertx..", "io.fabric8.kubernetes.client.okhttp..",
            "io.fabric8.kubernetes.client.informers..", "io.grpc.netty..", "io.netty..",
            "com.sun.net.httpserver..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.fabric8.kubernetes.client.KubernetesClient")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  @DisplayName("in mesh-xds, gRPC, Netty, HTTP servers and sockets appear only in *.server packages")
  void xdsServersOnlyInServerPackages() {
    noClasses().that().resideInAPackage("dev.meshwright.xds..").and().resideOutsideOfPackage("..server..")
        .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.netty..", "com.sun.net.httpserver..",
            "java.net..", "java.nio.file..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
