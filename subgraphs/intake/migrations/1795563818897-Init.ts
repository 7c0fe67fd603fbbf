import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795563818897 implements MigrationInterface {
  name = 'Init1795563818897';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `outbox_message` (`id` int NOT NULL AUTO_INCREMENT, `eventId` varchar(36) NOT NULL, `type` varchar(64) NOT NULL, `payload` text NOT NULL, `createdAt` datetime(3) NOT NULL, `nextAttemptAt` datetime(3) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `deliveredAt` datetime(3) NULL, `lastError` varchar(500) NULL, INDEX `IDX_0b8759eb528b45d69a5207143d` (`deliveredAt`, `nextAttemptAt`), UNIQUE INDEX `IDX_d7905153c6a53a23430d60226b` (`eventId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `complaint` (`id` varchar(36) NOT NULL, `number` varchar(32) NOT NULL, `channel` varchar(16) NOT NULL, `addressee` varchar(32) NOT NULL, `serviceProviderId` varchar(36) NOT NULL, `katoCode` varchar(9) NULL, `publicService` varchar(300) NULL, `applicantIin` varchar(12) NOT NULL, `applicantSurname` varchar(100) NOT NULL, `applicantName` varchar(100) NOT NULL, `applicantPatronymic` varchar(100) NULL, `postalAddress` varchar(500) NOT NULL, `phones` text NOT NULL, `respondents` text NOT NULL, `reasons` text NOT NULL, `demands` text NOT NULL, `signature` text NOT NULL, `filedOn` varchar(10) NOT NULL, `submittedAt` datetime(3) NOT NULL, `handlerId` varchar(36) NOT NULL, `handlerBodyId` varchar(36) NULL, `jurisdictionRule` varchar(300) NOT NULL, `reviewBodyKind` varchar(32) NOT NULL, `talonNumber` varchar(32) NULL, `talonIssuedAt` datetime(3) NULL, `acceptedById` varchar(36) NULL, `idempotencyScope` varchar(64) NOT NULL, `idempotencyKey` varchar(100) NULL, `contentHash` varchar(64) NULL, INDEX `IDX_6727c4bd72f89b69a4cdcf9b1f` (`handlerId`), INDEX `IDX_fc6f51d1afb41386f7c2b2d93b` (`serviceProviderId`, `submittedAt`), INDEX `IDX_a0388ec71888a72a24bda68c70` (`submittedAt`, `id`), INDEX `IDX_9ca71b56bc2846521a3633e2d2` (`applicantIin`, `submittedAt`), UNIQUE INDEX `IDX_c878180ed3fb9aba7ce1e1dd8a` (`idempotencyScope`, `idempotencyKey`), UNIQUE INDEX `IDX_0b888ed2fd6800daf0ebdf568b` (`number`), UNIQUE INDEX `IDX_6f923500bac48c4f8a6124efec` (`talonNumber`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_6f923500bac48c4f8a6124efec` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_0b888ed2fd6800daf0ebdf568b` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_c878180ed3fb9aba7ce1e1dd8a` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_9ca71b56bc2846521a3633e2d2` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_a0388ec71888a72a24bda68c70` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_fc6f51d1afb41386f7c2b2d93b` ON `complaint`");
    await queryRunner.query("DROP INDEX `IDX_6727c4bd72f89b69a4cdcf9b1f` ON `complaint`");
    await queryRunner.query("DROP TABLE `complaint`");
    await queryRunner.query("DROP INDEX `IDX_d7905153c6a53a23430d60226b` ON `outbox_message`");
    await queryRunner.query("DROP INDEX `IDX_0b8759eb528b45d69a5207143d` ON `outbox_message`");
    await queryRunner.query("DROP TABLE `outbox_message`");
  }
}
